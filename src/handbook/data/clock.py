"""The day a build happens: today, or a fixed day so that builds can be reproduced."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime


def build_date() -> date:
    """Today, or SOURCE_DATE_EPOCH's date so that builds can be reproduced exactly."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    moment = datetime.fromtimestamp(int(epoch), UTC) if epoch else datetime.now(UTC)
    return moment.date()
