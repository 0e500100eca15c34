"""Forms for the tables readers sort and filter with a plain GET, with or without JavaScript.

Unknown values are dropped rather than refused: a mistyped or hand-edited address still shows
the table, just unfiltered.
"""

from django import forms


class CompareForm(forms.Form):
    """Sorting and filtering one charge compared across every state."""

    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("name", "Name"),
            ("high", "Longest prison range first"),
            ("minimum", "Longest mandatory minimum first"),
        ],
    )
    researched = forms.ChoiceField(
        label="Show",
        required=False,
        choices=[("", "Every jurisdiction"), ("yes", "Researched"), ("no", "Not yet researched")],
    )

    def options(self) -> dict:
        """The valid choices, with anything unknown replaced by its default."""
        self.is_valid()
        return {
            "sort": self.cleaned_data.get("sort") or "name",
            "researched": self.cleaned_data.get("researched") or "",
        }
