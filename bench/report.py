"""The benchmark's tables and targets, from the results bench/scenarios.py measured.

A figure the benchmark predicted instead of measuring is shown with a "~" and never counts
as a target met.
"""

from __future__ import annotations

from . import growth

TARGETS = {
    "ratio_1000": 0.5,  # our build / plain MkDocs + Material, one borough of 1,000 services
    "growth_1000_3000": 1.15,  # how much faster than linear, from 1,000 to 3,000 services
    "build_10000_s": 180.0,
    "service_page_bytes": 60 * 1024,
    "check_10000_s": 3.0,
    "real_full_build_s": 10.0,  # with PDFs, on 2 cores
    "real_rebuild_share": 0.25,  # rebuild after one number changed / clean build
}


def report(results: dict) -> str:
    m = results["machine"]
    lines = [
        f"{results['date']}, commit {results['commit']}; {m['cores']} cores ({m['cpu']}), "
        f"{m['memory']} memory, Python {m['python']}",
        "",
    ]
    if results.get("scale"):
        lines += ["One borough, grown:", "", scale_table(results["scale"]), ""]
    if results.get("real"):
        lines += ["The real data:", "", real_table(results["real"]), ""]
    if results.get("england"):
        lines += ["England:", "", england_table(results["england"]), ""]
    lines.append("Targets:")
    lines += [f"- [{t['verdict']}] {t['target']}" for t in results["targets"]]
    return "\n".join(lines)


def scale_table(scale: dict) -> str:
    rows = [
        "| services | check, first (again) | our build (no PDFs) | plain MkDocs + Material "
        "| ours / plain | service page, median (largest) | search bundle |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for r in scale.values():
        site = r.get("site") or {}
        page = f"{kb(site['median_html'])} ({kb(site['largest_html'])})" if site else "-"
        rows.append(
            f"| {r['services']:,} | {seconds(r.get('check_cold'))} ({seconds(r['check'])}) | "
            f"{measured_or_predicted(r, 'ours')} | "
            f"{measured_or_predicted(r, 'plain')} | {ratio_text(ratio(r))} | {page} | "
            f"{kb(site['search_bundle']) if site else '-'} |"
        )
    return "\n".join(rows)


def real_table(r: dict) -> str:
    rebuild = r.get("rebuild")
    share = rebuild["wall"] / r["clean"]["wall"] if rebuild and _ok(r["clean"]) else None
    pages = [site["median_html"] for site in (r.get("site") or {}).values() if site]
    rows = [
        "| services | check | our build (no PDFs) | plain MkDocs + Material | ours / plain "
        "| clean build with PDFs | rebuild after one number | rebuild / clean "
        "| median service page |",
        "| ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
        f"| {r['services']} | {seconds(r['check'])} | {seconds(r.get('ours'))} | "
        f"{seconds(r.get('plain'))} | {ratio_text(ratio(r))} | {seconds(r['clean'])} | "
        f"{seconds(rebuild)} | {percent(share)} | {', '.join(map(kb, pages)) or '-'} |",
    ]
    return "\n".join(rows) + "\n\n" + _edit_line(r)


def england_table(e: dict) -> str:
    country, predicted = e["country"], e.get("predicted")
    label = f"{e['boroughs']} boroughs x {e['services_per_borough']} services"
    pdfs = "with PDFs" if "predicted" not in e else "without PDFs"
    rows = [
        "| England | check | clean build | rebuild after one number | rebuild / clean |",
        "| --- | ---: | ---: | ---: | ---: |",
        f"| {label}, {pdfs} | {seconds(e['check'])} | {seconds(country['clean'])} | "
        f"{seconds(country.get('rebuild'))} | {percent(_share(country))} |",
    ]
    if "sample" in e:
        sample = e["sample"]
        rows.append(
            f"| {len(sample.get('pdf_seconds') or {})} boroughs x {e['services_per_borough']} "
            f"services, with PDFs | - | {seconds(sample['clean'])} | "
            f"{seconds(sample.get('rebuild'))} | {percent(_share(sample))} |"
        )
    if predicted:
        clean, rebuild = predicted["clean"], predicted["rebuild"]
        rows.append(
            f"| {label}, with PDFs (predicted: {predicted['pdf_seconds_per_borough']:.0f} s of "
            f"PDFs a borough) | - | ~{minutes(clean)} | ~{minutes(rebuild)} | "
            f"~{percent(rebuild / clean)} |"
        )
    return "\n".join(rows) + "\n\n" + _edit_line(country)


def targets(results: dict) -> list[dict]:
    """Each target with its figure and a verdict: met, NOT met, or not measured."""
    scale, real = results.get("scale") or {}, results.get("real") or {}
    out = []
    one_k, three_k, ten_k = scale.get("1000"), scale.get("3000"), scale.get("10000")
    if one_k:
        measured = ratio(one_k)
        value = measured[0] if measured and not measured[1] else None  # never a prediction
        out.append(_target(f"one borough of 1,000 services: our build / plain MkDocs + Material "
                           f"= {ratio_text(measured)}", value, TARGETS["ratio_1000"]))  # fmt: skip
    if one_k and three_k and _ok(one_k.get("ours")) and _ok(three_k.get("ours")):
        value = growth.over_linear((1_000, one_k["ours"]["wall"]), (3_000, three_k["ours"]["wall"]))
        out.append(_target(f"from 1,000 to 3,000 services our build grew {value:.2f} x linear",
                           value, TARGETS["growth_1000_3000"]))  # fmt: skip
    if ten_k:
        value = ten_k["ours"]["wall"] if _ok(ten_k.get("ours")) else None
        text = seconds(ten_k.get("ours")) if value else f"~{seconds(ten_k.get('ours_predicted'))}"
        out.append(
            _target(f"10,000 services built in {text}", value, TARGETS["build_10000_s"], "s")
        )
        value = ten_k["check"]["wall"] if _ok(ten_k["check"]) else None
        first = seconds(ten_k.get("check_cold"))
        out.append(_target(f"check of 10,000 services again: {seconds(ten_k['check'])} "
                           f"(the first: {first})", value,
                           TARGETS["check_10000_s"], "s"))  # fmt: skip
    pages = [(n, r["site"]["largest_html"]) for n, r in scale.items() if r.get("site")]
    pages += [(f"real {b}", s["largest_html"]) for b, s in (real.get("site") or {}).items() if s]
    if pages:
        size, where = max((size, name) for name, size in pages)
        out.append(_target(f"largest service page at any size: {kb(size)} ({where})", size,
                           TARGETS["service_page_bytes"], "KB"))  # fmt: skip
    if real.get("clean"):
        value = real["clean"]["wall"] if _ok(real["clean"]) else None
        out.append(_target(f"real data, clean build with PDFs: {seconds(real['clean'])}", value,
                           TARGETS["real_full_build_s"], "s"))  # fmt: skip
        share = _share(real)
        out.append(_target(f"real data, rebuild after one number changed: {percent(share)} of a "
                           "clean build", share, TARGETS["real_rebuild_share"], "%"))  # fmt: skip
    return out


def _target(text: str, value: float | None, limit: float, unit: str = "") -> dict:
    verdict = "not measured" if value is None else "met" if value <= limit else "NOT met"
    shown = {"KB": kb(limit), "%": percent(limit), "s": f"{limit:g} s"}.get(unit, f"{limit:g}")
    return {"target": f"{text} (target at most {shown})", "verdict": verdict, "value": value}


def ratio(r: dict) -> tuple[float, bool] | None:
    """Our build / the plain one, and whether the plain figure is a prediction."""
    if not _ok(r.get("ours")):
        return None
    if _ok(r.get("plain")):
        return r["ours"]["wall"] / r["plain"]["wall"], False
    if r.get("plain_predicted"):
        return r["ours"]["wall"] / r["plain_predicted"], True
    return None


def ratio_text(value: tuple[float, bool] | None) -> str:
    if value is None:
        return "-"
    number, predicted = value
    return f"~{number:.2f}" if predicted else f"{number:.2f}"


def measured_or_predicted(r: dict, key: str) -> str:
    if r.get(key):
        return seconds(r[key])
    predicted = r.get(f"{key}_predicted")
    return f"~{minutes(predicted)} (predicted)" if predicted else "-"


def _edit_line(r: dict) -> str:
    edit = r.get("edit")
    if not edit:
        return ""
    return (
        f"The change: {edit['contact']} ({edit['borough']}) from {edit['old']} to "
        f"{edit['new']}; rebuilt: {_names(r.get('rebuilt') or [])} of {r.get('boroughs')} "
        "boroughs."
    )


def _names(boroughs: list[str]) -> str:
    if len(boroughs) > 3:
        return f"{len(boroughs)} boroughs ({', '.join(boroughs[:3])} ...)"
    return ", ".join(boroughs) or "nothing"


def _share(r: dict) -> float | None:
    if _ok(r.get("clean")) and _ok(r.get("rebuild")):
        return r["rebuild"]["wall"] / r["clean"]["wall"]
    return None


def _ok(run: dict | None) -> bool:
    return bool(run) and run.get("status", 1) == 0


def seconds(value) -> str:
    """Seconds, from a number or a run; '-' where there is none, 'failed' for a failed run."""
    if value is None:
        return "-"
    if isinstance(value, dict):
        return f"{value['wall']:.1f} s" if _ok(value) else "failed"
    return f"{value:.1f} s"


def minutes(value: float) -> str:
    return f"{value:.0f} s" if value < 120 else f"{value / 60:.1f} min"


def percent(value: float | None) -> str:
    return "-" if value is None else f"{value:.0%}"


def kb(size: float) -> str:
    return f"{size / 1024:,.0f} KB" if size < 10 * 1024**2 else f"{size / 1024**2:,.1f} MB"
