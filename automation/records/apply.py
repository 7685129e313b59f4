"""Bringing settings to a desired state: read, plan, record an undo point, change, verify.

A plan is made from fresh readings. Only a setting read as ``on`` or ``off`` is
ever changed; one that could not be read is left alone with the reason. Before
the first change, the states found are written to the history as an undo point,
so :func:`read_undo_plan` can later put them back the same way (and
:func:`read_redo_plan` set them again). A run can be asked to stop after the change
under way (:meth:`Result.stop`): no change is ever cut off half-way.
"""

from __future__ import annotations

import enum
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

from automation.domain.settings import Kind, Reading, Setting, State
from automation.language import Sentence

if TYPE_CHECKING:
    from collections.abc import Iterable, Mapping

    from automation.plugin import Plugin
    from automation.records.history import ApplyRecord, History


class Engine(Protocol):
    """What planning and carrying out changes needs of the engine
    (:class:`automation.engine.core.Engine` is one)."""

    @property
    def plugins(self) -> Mapping[str, Plugin]: ...

    def setting(self, setting_id: str) -> Setting: ...

    async def check(self, setting_ids: Iterable[str] | None = None) -> list[Reading]: ...

    async def change(self, setting_id: str, value: State) -> Reading: ...


class Action(enum.StrEnum):
    """What a plan does with one setting."""

    CHANGE = "change"
    KEEP = "keep"
    """Already as wanted."""
    CANNOT = "cannot"
    """Its state is not known (or only a person can change it): left alone."""

    def __str__(self) -> str:
        return self.value


@dataclass(frozen=True)
class Step:
    """One setting in a plan."""

    setting_id: str
    label: str
    target: State
    action: Action
    reading: Reading | None = None
    """The reading the plan is based on; ``None`` when it was not read."""
    reason: str = ""
    """Why the step cannot be done (for ``cannot``)."""
    manual: bool = False
    """Only a person can change this setting; no browser step reads it."""

    @property
    def found(self) -> State | None:
        return self.reading.state if self.reading else None


@dataclass(frozen=True)
class Plan:
    """What an apply (or an undo) will do, setting by setting."""

    source: str
    """What asked for it: ``apply``, ``preset strict``, ``switch``, ``undo``, ``redo`` ..."""
    steps: tuple[Step, ...]
    undoes: int | None = None
    """For an undo, the id of the apply it puts back; for a redo, the undo it takes back."""

    @property
    def changes(self) -> list[Step]:
        return [s for s in self.steps if s.action is Action.CHANGE]

    @property
    def kept(self) -> list[Step]:
        return [s for s in self.steps if s.action is Action.KEEP]

    @property
    def cannot(self) -> list[Step]:
        return [s for s in self.steps if s.action is Action.CANNOT]


@dataclass(frozen=True)
class Outcome:
    """A change that was tried, and the fresh read-back that tells whether it took."""

    step: Step
    reading: Reading

    @property
    def ok(self) -> bool:
        return self.reading.state == self.step.target

    @property
    def read_back(self) -> bool:
        """Whether the read-back read a value at all. When it did not (the page failed,
        the session ended), the change may well have been kept: nobody knows yet."""
        return self.reading.state.is_value

    @property
    def verdict(self) -> str:
        """What became of the change, in a few words: ``read back``, ``did not take,
        read back on``, or ``could not read back: <why>``."""
        if self.ok:
            return Sentence("read back")
        if self.read_back:
            return Sentence("did not take, read back {state}", state=self.reading.state)
        return Sentence("could not read back: {detail}", detail=self.reading.detail)


@dataclass
class Result:
    """What carrying out a plan did, and, while it runs, how far it has come.

    Made by the caller and handed to :func:`carry_out`, it shows the change under way
    as it goes, and :meth:`stop` asks the run to end after that change.
    """

    plan: Plan
    outcomes: list[Outcome] = field(default_factory=list)
    apply_id: int | None = None
    """The undo point's id, when something was to change."""
    under_way: Step | None = None
    """The change being made now."""
    stop_asked: bool = False
    finished: bool = False
    """The run is over: every change was made, or it stopped, or it failed."""

    @property
    def failed(self) -> list[Outcome]:
        """The changes not read back as asked: read back otherwise, or not read at all."""
        return [o for o in self.outcomes if not o.ok]

    @property
    def unconfirmed(self) -> list[Outcome]:
        """The changes whose read-back read nothing: they may or may not have taken."""
        return [o for o in self.outcomes if not o.ok and not o.read_back]

    @property
    def done(self) -> list[Outcome]:
        """The changes made and read back as asked."""
        return [o for o in self.outcomes if o.ok]

    @property
    def not_started(self) -> list[Step]:
        """The planned changes not tried (yet, or at all once the run stopped)."""
        tried = {o.step.setting_id for o in self.outcomes}
        if self.under_way is not None:
            tried.add(self.under_way.setting_id)
        return [s for s in self.plan.changes if s.setting_id not in tried]

    @property
    def stopped(self) -> bool:
        """The run ended, asked to stop, before every planned change was tried."""
        return self.finished and self.stop_asked and bool(self.not_started)

    def stop(self) -> None:
        """End the run after the change under way (which is finished and read back)."""
        self.stop_asked = True


def make_plan(
    source: str,
    targets: Mapping[str, State],
    settings: Mapping[str, Setting],
    readings: Mapping[str, Reading],
    *,
    blocked: Mapping[str, str] | None = None,
    undoes: int | None = None,
) -> Plan:
    """Decide, from ``readings``, what to do with each setting in ``targets`` (in order).

    ``blocked`` names settings that must be left alone, with the reason.
    """
    blocked = blocked or {}
    steps = []
    for setting_id, target in targets.items():
        setting = settings.get(setting_id)
        label = setting.label if setting else setting_id
        manual = setting is not None and setting.kind is Kind.MANUAL
        reading = readings.get(setting_id)
        if setting_id in blocked or setting is None:
            reason = blocked.get(setting_id, Sentence("No installed plugin covers this setting."))
            steps.append(Step(setting_id, label, target, Action.CANNOT, reading, reason, manual))
        elif manual:
            steps.append(
                Step(
                    setting_id,
                    label,
                    target,
                    Action.CANNOT,
                    reading,
                    Sentence("Only a person can change this one; follow its manual steps."),
                    manual=True,
                )
            )
        elif reading is None or not reading.state.is_value:
            why = reading.detail if reading else Sentence("It was not read.")
            steps.append(Step(setting_id, label, target, Action.CANNOT, reading, why))
        elif reading.state == target:
            steps.append(Step(setting_id, label, target, Action.KEEP, reading))
        else:
            steps.append(Step(setting_id, label, target, Action.CHANGE, reading))
    return Plan(source, tuple(steps), undoes)


async def read_plan(
    engine: Engine,
    targets: Mapping[str, State],
    *,
    source: str,
    blocked: Mapping[str, str] | None = None,
    undoes: int | None = None,
) -> Plan:
    """Read every setting in ``targets`` afresh and plan from what was read.

    A per-blog setting (``tumblr.third_party_sharing``) is read by listing the
    account's blogs and reading each one; the plan then has a step for each blog,
    asking for the blog's own target where ``targets`` names one
    (``tumblr.third_party_sharing@myblog``), else the setting's. A blog named on its
    own is read directly.
    """
    blocked = dict(blocked or {})
    known: dict[str, Setting] = {}
    for setting_id in targets:
        try:
            known[setting_id] = engine.setting(setting_id)
        except KeyError:
            continue

    def listed(setting: Setting) -> bool:
        """A blog's copy that reading its per-blog setting covers already."""
        template = setting.template_id
        return template != setting.id and template in known and template not in blocked

    ids = [i for i in targets if i in known and i not in blocked and not listed(known[i])]
    found = await engine.check(ids) if ids else []
    readings = {r.setting_id: r for r in found}
    wanted: dict[str, State] = {}
    for setting_id, target in targets.items():
        setting = known.get(setting_id)
        if setting is None or setting.per is None or setting_id in blocked:
            wanted.setdefault(setting_id, target)
            continue
        blogs = [r.setting_id for r in found if r.setting_id.startswith(setting_id + "@")]
        if not blogs:  # the blogs could not be listed: the reading says why
            wanted[setting_id] = target
        for blog in blogs:
            known[blog] = engine.setting(blog)
            wanted.setdefault(blog, targets.get(blog, target))
    for setting_id in wanted:
        setting = known.get(setting_id)
        if setting is None or not listed(setting) or setting_id in readings:
            continue
        # A blog named on its own that the listing did not give a reading for.
        template = known[setting.template_id]
        failed = readings.get(template.id)
        if failed is not None:
            blocked.setdefault(setting_id, failed.detail)
        else:
            noun = template.per.noun if template.per else "blog"
            name = setting.key.split("@", 1)[1]
            blocked.setdefault(
                setting_id,
                Sentence("No {noun} named {name} was found on the account.", noun=noun, name=name),
            )
    return make_plan(source, wanted, known, readings, blocked=blocked, undoes=undoes)


async def carry_out(
    engine: Engine, plan: Plan, history: History, result: Result | None = None
) -> Result:
    """Record the undo point, then make each planned change and read it back.

    ``result``, when given, is filled in as the run goes (see :class:`Result`); once
    its :meth:`~Result.stop` is called, no further change is started. An undo or a
    redo that finds everything already back is recorded and marked done all the
    same, so the next undo goes on to the point before.

    Raises :class:`~automation.records.history.HistoryError`, having changed nothing, when
    the undo point cannot be written.
    """
    from automation.records.history import ApplyItem

    result = result if result is not None else Result(plan)
    try:
        changes = plan.changes
        if not changes:
            if plan.undoes is not None and plan.kept and not plan.cannot:
                result.apply_id = history.begin_apply(plan.source, [], undoes=plan.undoes)
                history.mark_undone(plan.undoes, result.apply_id)
            return result
        items = [
            ApplyItem(
                s.setting_id, _origin(engine, s.setting_id), s.found or State.UNKNOWN, s.target
            )
            for s in changes
        ]
        result.apply_id = history.begin_apply(plan.source, items, undoes=plan.undoes)
        for step in changes:
            if result.stop_asked:
                break
            result.under_way = step
            reading = await engine.change(step.setting_id, step.target)
            result.outcomes.append(Outcome(step, reading))
            result.under_way = None
        if result.stop_asked and result.not_started:
            # The point holds what was changed: undo and redo leave the rest alone.
            history.drop_items(result.apply_id, [s.setting_id for s in result.not_started])
        if plan.undoes is not None and not result.failed and not result.not_started:
            history.mark_undone(plan.undoes, result.apply_id)
        return result
    finally:
        result.finished = True


def undo_targets(
    engine: Engine, record: ApplyRecord, *, redo: bool = False
) -> tuple[dict[str, State], dict[str, str]]:
    """The states to put back for ``record`` (with ``redo``, the states it set), and
    the settings that must be left alone.

    A setting changed on another origin (a replica, say) than the one this engine
    points at is left alone: putting it back here would change a different account.
    """
    targets: dict[str, State] = {}
    blocked: dict[str, str] = {}
    for item in record.items:
        targets[item.setting_id] = item.target if redo else item.before
        try:
            engine.setting(item.setting_id)
        except KeyError:
            blocked[item.setting_id] = Sentence(
                "Its platform is not installed or not enabled in this config."
            )
            continue
        origin = _origin(engine, item.setting_id)
        if origin != item.origin:
            blocked[item.setting_id] = Sentence(
                "The apply changed it on {was}; this config points at {now}.",
                was=item.origin,
                now=origin,
            )
    return targets, blocked


async def read_undo_plan(engine: Engine, record: ApplyRecord) -> Plan:
    """Read the settings ``record`` changed and plan putting back what it found."""
    targets, blocked = undo_targets(engine, record)
    return await read_plan(engine, targets, source="undo", blocked=blocked, undoes=record.id)


async def read_redo_plan(engine: Engine, record: ApplyRecord, undo_id: int) -> Plan:
    """Read the settings ``record`` changed and plan setting them again as it did,
    taking back the undo ``undo_id``."""
    targets, blocked = undo_targets(engine, record, redo=True)
    return await read_plan(engine, targets, source="redo", blocked=blocked, undoes=undo_id)


def _origin(engine: Engine, setting_id: str) -> str:
    return engine.plugins[engine.setting(setting_id).platform].origin
