"""What readers need from the run's config, as one record passed to every reader."""

from __future__ import annotations

from dataclasses import dataclass

DEFAULT_AC_FIELD = "Acceptance Criteria"
DEFAULT_IGNORE_LABEL = "prdlint-ignore"


@dataclass(frozen=True, slots=True)
class ReadSettings:
    skip_sections: tuple[str, ...] = ()  # casefolded heading titles whose content is skipped
    ac_field: str = DEFAULT_AC_FIELD  # the Jira field holding acceptance criteria (exports)
    ignore_label: str = DEFAULT_IGNORE_LABEL  # the Jira label that skips an issue (exports)
