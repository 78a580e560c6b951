"""A person's page: who they are, how you got to them, and everything with them."""

from __future__ import annotations

from django.http import Http404, HttpResponse
from django.shortcuts import render

from warmline.accounts.http import AuthedRequest
from warmline.journal.queries import entries_about_person
from warmline.meetings.queries import meetings_with
from warmline.outreach.message_text import left_out_of, messages_for
from warmline.outreach.models import FollowUp
from warmline.people import queries
from warmline.people.access import get_person_for_user
from warmline.people.fans import networker_rank, with_fan_status
from warmline.people.forms import IntroductionForm


def person_detail(request: AuthedRequest, pk: int) -> HttpResponse:
    person = with_fan_status(queries.people_for(request.user)).filter(pk=pk).first()
    if person is None:  # a viewer who may read it is told so (403), anyone else 404
        get_person_for_user(request.user, pk)
        raise Http404
    chain = queries.chain_people(person)
    messages_to_send = messages_for(person, request.user, chain)
    return render(
        request,
        "home/person_detail.html",
        {
            "person": person,
            "networker_rank": networker_rank(person, person.referrals_given),  # type: ignore[attr-defined]
            "meetings": meetings_with(person),
            "follow_ups": person.follow_ups.filter(status=FollowUp.Status.OPEN),
            "paths": person.career_paths.all(),
            "leads": person.job_leads.select_related("organization"),
            "journal_entries": entries_about_person(person),
            "messages_to_send": messages_to_send,
            "messages_left_out": left_out_of(messages_to_send),
            "chain": chain,
            "introductions_received": list(queries.introductions_received(person)),
            "introductions_made": queries.introductions_made(person),
            "emails": person.emails.all(),
            "phones": queries.display_phones(person),
            "tags": person.tags.all(),
            "introduction_form": IntroductionForm(person=person),
        },
    )
