"""Build hook: a quiet build. Only warnings that need action, and one line per hook of our own.

- Third-party chatter is silenced at its source, by logger level: jieba (Chinese segmentation for the search
  index) prints "Building prefix dict… Loading model cost…" on stderr through its own handler, and
  mkdocs-static-i18n logs at INFO every language's whole `extra` dictionary (2 KB each). Their warnings still
  show. lunr's "zh-TW not supported" notice is handled by configuration instead (`reconfigure_search: false`
  in mkdocs.yml).
- Our hooks record what they produced and how long it took in `_buildlog` reports; this hook writes them, one
  line each, once every language is built.

Listed first in mkdocs.yml so that its `on_startup` runs before anything logs.
"""

from __future__ import annotations

import logging
from typing import Any

from _buildlog import flush, nested_language_build
from mkdocs.plugins import event_priority

QUIET_LOGGERS = {
    "jieba": logging.WARNING,
    "mkdocs.plugins.mkdocs_static_i18n": logging.WARNING,
}


def on_startup(command: str, dirty: bool) -> None:
    for name, level in QUIET_LOGGERS.items():
        logging.getLogger(name).setLevel(level)


@event_priority(-1000)  # after mkdocs-static-i18n (-100) and per_language_outputs (-200) have finished
def on_post_build(config: Any) -> None:
    if not nested_language_build(config):
        flush()
