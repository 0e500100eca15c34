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
            ("high", "Longest range"),
            ("minimum", "Longest minimum"),
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


ANSWERS = [("", "Any"), ("yes", "Yes"), ("no", "No"), ("unknown", "Not confirmed")]


class StateTableForm(forms.Form):
    """Sorting and filtering the /states/ table of every jurisdiction."""

    q = forms.CharField(label="Name", required=False, max_length=60)
    sort = forms.ChoiceField(
        label="Sort by",
        required=False,
        choices=[
            ("name", "Name"),
            ("kind", "State or territory"),
            ("sorna", "SORNA status"),
            ("teen_sexting_law", "Teen sexting law"),
        ],
    )
    sorna = forms.ChoiceField(label="SORNA implemented", required=False, choices=ANSWERS)
    teen_sexting_law = forms.ChoiceField(label="Teen sexting law", required=False, choices=ANSWERS)
    kind = forms.ChoiceField(
        label="Type",
        required=False,
        choices=[
            ("", "All"),
            ("state", "States"),
            ("district", "District of Columbia"),
            ("territory", "Territories"),
        ],
    )

    def __init__(self, data=None):
        super().__init__(data, auto_id="f-%s", label_suffix="")
        self.fields["q"].widget.attrs["autocomplete"] = "off"

    @classmethod
    def from_query(cls, params) -> "StateTableForm":
        """The form bound to the valid part of params, each unknown value set to its default,
        so the page shows the filters the table really uses."""
        given = cls(params)
        given.is_valid()
        clean = given.cleaned_data
        return cls(
            {
                "q": clean.get("q", (params.get("q") or "").strip()[:60]),
                "sort": clean.get("sort") or "name",
                "kind": clean.get("kind") or "",
                "sorna": clean.get("sorna") or "",
                "teen_sexting_law": clean.get("teen_sexting_law") or "",
            }
        )

    @property
    def options(self) -> dict:
        return dict(self.data)
