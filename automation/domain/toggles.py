"""A family of switch settings declared once: what a platform's alike pages share, and a
call for each setting of it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, replace

from automation.domain.settings import Evidence, Setting, State, Switch


@dataclass(frozen=True)
class Toggles:
    """What a plugin's switch settings of one kind share; calling it makes one of them.

    Where a platform's pages are alike (LinkedIn's advertising-data pages, X's
    checkboxes), the source, the notes, the steps a person takes and the evidence are
    said once; each setting adds its key, its label, its description and its
    :class:`Switch`::

        ADS = Toggles(source="LinkedIn Help", manual_steps=ads_steps)

        ADS(
            "ads_age",
            "Age",
            "Uses your age range, as LinkedIn infers it, to choose your ads.",
            Switch("/mypreferences/d/settings/ads-by-age", ids=("allowAdsByAge",)),
        )

    ``manual_steps`` and ``evidence`` may be functions of the setting (given with
    everything else filled in), for steps that name its label or its page. What a
    call gives wins over what the family says.
    """

    source: str = ""
    notes: str = ""
    manual_steps: tuple[str, ...] | Callable[[Setting], tuple[str, ...]] = ()
    evidence: tuple[Evidence, ...] | Callable[[Setting], tuple[Evidence, ...]] = ()

    def __call__(
        self,
        key: str,
        label: str,
        description: str,
        switch: Switch,
        *,
        recommended: State = State.OFF,
        strict: State | None = None,
        notes: str | None = None,
        manual_steps: tuple[str, ...] | Callable[[Setting], tuple[str, ...]] | None = None,
        evidence: tuple[Evidence, ...] | Callable[[Setting], tuple[Evidence, ...]] | None = None,
        url: str = "",
    ) -> Setting:
        """One setting of the family: its key, its label and description for people,
        and where its switch is."""
        setting = Setting(
            key=key,
            label=label,
            description=description,
            url=url,
            recommended=recommended,
            strict=strict,
            notes=self.notes if notes is None else notes,
            source=self.source,
            switch=switch,
        )
        steps = self.manual_steps if manual_steps is None else manual_steps
        proof = self.evidence if evidence is None else evidence
        return replace(
            setting,
            manual_steps=steps(setting) if callable(steps) else steps,
            evidence=proof(setting) if callable(proof) else proof,
        )


#: What a blog's or site's name may be in a setting id (``key@name``): it goes into a
