"""What makes a borough's site an installable app that works with no signal: the names of the
files the after-build step writes at the borough's root (src/handbook/postbuild/offline.py),
and what the web app manifest says.

The pages link the manifest and register the worker (overrides/); their names are passed to
the theme through the builder configuration (src/handbook/site/stage.py), so they are named
once, here.
"""

from __future__ import annotations

WORKER = "sw.js"
MANIFEST = "manifest.webmanifest"
ICONS_FOLDER = "icons"
ICON_SIZES = (192, 512)
# The theme's palette (mkdocs.yml: primary indigo): the app's bar and splash screen.
THEME_COLOUR = "#3f51b5"
BACKGROUND_COLOUR = "#ffffff"


def icon_path(size: int) -> str:
    return f"{ICONS_FOLDER}/icon-{size}.png"


def theme_extra() -> dict:
    """What the theme needs to link the manifest and icons (config.extra.webapp)."""
    return {
        "manifest": MANIFEST,
        "worker": WORKER,
        "icon": icon_path(ICON_SIZES[0]),
        "theme_colour": THEME_COLOUR,
    }


def manifest(borough_name: str) -> dict:
    """The web app manifest of one borough's site: its pages, from its own folder."""
    return {
        "name": f"Working Well with Children and Families: {borough_name}",
        "short_name": f"Working Well {borough_name}"[:30],
        "description": (
            f"Which team to call about a child in {borough_name}: every service, who it is "
            "for and how to refer. Works with no signal after the first visit."
        ),
        "start_url": "./",
        "scope": "./",
        "display": "standalone",
        "lang": "en-GB",
        "theme_color": THEME_COLOUR,
        "background_color": BACKGROUND_COLOUR,
        "icons": [
            {
                "src": icon_path(size),
                "sizes": f"{size}x{size}",
                "type": "image/png",
                "purpose": "any maskable",
            }
            for size in ICON_SIZES
        ],  # fmt: skip
    }
