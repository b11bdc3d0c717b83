"""The open data of one built borough, as a static Open Referral UK read API.

    open-data/index.json            GET /           the standard's version and profile, the
                                                    publisher and the licence
    open-data/services.json         GET /services   one page object listing every service
    open-data/services/<id>.json    GET /services/{id}   each service in full

The records come from the render stage, in the manifest (src/handbook/site/open_data.py says
what is in them); this step lays them out as the API's answers. Written with sorted keys and
no dates of their own, so the same data gives the same files.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from ..site import open_data


def write_open_data(folder: Path, manifest: dict) -> list[Path]:
    """Write the borough's open data under `folder`/open-data/; the files written."""
    data = manifest["open_data"]
    records = data["services"]
    root = folder / open_data.FOLDER
    services = root / open_data.SERVICES_FOLDER
    shutil.rmtree(services, ignore_errors=True)
    services.mkdir(parents=True)
    written = [
        _write(root / open_data.ROOT_FILE, api_root(manifest)),
        _write(root / open_data.LIST_FILE, service_page([open_data.listed(r) for r in records])),
    ]
    written += [_write(services / f"{record['id']}.json", record) for record in records]
    return written


def api_root(manifest: dict) -> dict:
    data = manifest["open_data"]
    licence = data["licence"]
    return {
        "version": open_data.HSDS_VERSION,
        "profile": open_data.PROFILE,
        "openapi_url": open_data.OPENAPI,
        "publisher": data["organization"],
        "area": manifest["borough"]["name"],
        "edition": manifest["edition"]["label"],
        "license": {key: licence[key] for key in ("name", "url", "note") if licence.get(key)},
        "license_stated": licence["stated"],
        "services": open_data.LIST_FILE,
        "service": f"{open_data.SERVICES_FOLDER}/{{id}}.json",
    }


def service_page(contents: list[dict]) -> dict:
    """Every service on one page, as the API's paginated answer has it."""
    return {
        "total_items": len(contents),
        "total_pages": 1,
        "page_number": 1,
        "size": len(contents),
        "first_page": True,
        "last_page": True,
        "empty": not contents,
        "contents": contents,
    }


def _write(path: Path, value: dict) -> Path:
    text = json.dumps(value, indent=2, sort_keys=True, ensure_ascii=False) + "\n"
    path.write_text(text, encoding="utf-8")
    return path
