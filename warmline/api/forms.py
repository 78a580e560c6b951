from __future__ import annotations

from django import forms

from warmline.api.models import Token
from warmline.core.fields import max_length


class TokenForm(forms.Form):
    name = forms.CharField(
        max_length=max_length(Token, "name"),
        help_text="What will use it: “laptop script”, “bookmarklet”.",
    )
    scope = forms.ChoiceField(
        choices=Token.Scope.choices,
        initial=Token.Scope.READ,
        help_text="A read token can only read; the bookmarklet needs read and write.",
    )
