from django.urls import path

from warmline.people.views import introductions, organizations, people

app_name = "people"

urlpatterns = [
    path("people/", people.person_list, name="list"),
    path("people/new/", people.person_add, name="add"),
    path("people/pick/", people.person_pick_hx, name="pick_hx"),
    path("people/<int:pk>/edit/", people.person_edit, name="edit"),
    path("people/<int:pk>/delete/", people.person_delete, name="delete"),
    path("people/<int:pk>/fan/", people.person_fan, name="fan"),
    path("people/<int:pk>/private/", people.person_private, name="private"),
    path(
        "people/<int:pk>/introductions/",
        introductions.introduction_add,
        name="introduction_add",
    ),
    path(
        "introductions/<int:pk>/remove/",
        introductions.introduction_remove,
        name="introduction_remove",
    ),
    path("organizations/", organizations.organization_list, name="organization_list"),
    path("organizations/new/", organizations.organization_add, name="organization_add"),
    path(
        "organizations/<int:pk>/",
        organizations.organization_detail,
        name="organization_detail",
    ),
    path(
        "organizations/<int:pk>/edit/",
        organizations.organization_edit,
        name="organization_edit",
    ),
    path(
        "organizations/<int:pk>/delete/",
        organizations.organization_delete,
        name="organization_delete",
    ),
]
