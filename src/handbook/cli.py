"""The `handbook` command: parses arguments and calls one function of the package."""

from __future__ import annotations

import argparse
import logging
import os
import sys
from pathlib import Path

from .data.problems import as_errors, has_errors, sort_problems

os.environ.setdefault("NO_MKDOCS_2_WARNING", "1")

STRICT_HELP = "treat warnings (overdue reviews) as errors: exit 1, build nothing"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="handbook", description=__doc__)
    parser.add_argument(
        "--root",
        type=Path,
        default=Path.cwd(),
        help="the project folder holding data/ and content/ (default: here)",
    )
    commands = parser.add_subparsers(dest="command", required=True)

    check_cmd = commands.add_parser("check", help="validate the data; print path:line: message")
    check_cmd.add_argument("--format", choices=("plain", "github"), default="plain")
    check_cmd.add_argument("--strict", action="store_true", help=STRICT_HELP)

    render_cmd = commands.add_parser("render", help="write the generated Markdown to a folder")
    render_cmd.add_argument("--out", type=Path, required=True)

    build_cmd = commands.add_parser("build", help="validate, then build every borough's site")
    build_cmd.add_argument("--out", type=Path, default=None, help="default: <root>/site")
    build_cmd.add_argument("--strict", action="store_true", help=STRICT_HELP)
    _build_options(build_cmd)

    publish_cmd = commands.add_parser(
        "publish", help="publish a numbered version of every borough with mike (gh-pages)"
    )
    publish_cmd.add_argument("--version", required=True, help="e.g. 2026.1")
    publish_cmd.add_argument("--branch", default="gh-pages")
    _build_options(publish_cmd)

    preview_cmd = commands.add_parser(
        "preview", help="serve the published versions (gh-pages) as a static host would"
    )
    preview_cmd.add_argument("--branch", default="gh-pages")
    preview_cmd.add_argument("--dev-addr", default="127.0.0.1:8000")

    serve_cmd = commands.add_parser("serve", help="live preview of one borough")
    serve_cmd.add_argument("--borough", required=True)
    serve_cmd.add_argument("--dev-addr", default="127.0.0.1:8000")

    review_cmd = commands.add_parser(
        "review", help="list the entries whose review is overdue or due soon"
    )
    review_cmd.add_argument(
        "--within", type=int, default=None, metavar="DAYS", help="how soon counts as soon (30)"
    )

    schema_cmd = commands.add_parser(
        "schema", help="write the data files' JSON Schemas, which editors use to autocomplete"
    )
    schema_cmd.add_argument("--out", type=Path, default=None, help="default: <root>/schemas")

    changes_cmd = commands.add_parser(
        "changes", help="what a practitioner will see differently, compared with a git commit"
    )
    changes_cmd.add_argument(
        "--base", metavar="REF", default=None, help="default: the merge base with main"
    )
    changes_cmd.add_argument("--format", choices=("plain", "markdown"), default="plain")

    codeowners_cmd = commands.add_parser(
        "codeowners", help="write .github/CODEOWNERS from the boroughs' owners"
    )
    codeowners_cmd.add_argument(
        "--check", action="store_true", help="write nothing; exit 1 if it is out of date"
    )

    args = parser.parse_args(argv)
    root = args.root.resolve()
    if args.command == "schema":
        return _schema(args.out or root / "schemas")
    if args.command == "changes":
        from .editions.pull_request import run

        return run(root, args.base, args.format)
    _setup_logging()
    if args.command == "review":
        return _review(root, args.within)
    dataset, problems = _check(
        root, getattr(args, "format", "plain"), getattr(args, "strict", False)
    )
    if args.command == "check" or has_errors(problems):
        return 1 if has_errors(problems) else 0
    if args.command == "codeowners":
        from .data.codeowners import command

        return command(dataset, args.check)
    if args.command == "render":
        from .pipeline.build import render_all

        render_all(dataset, args.out)
        return 0
    if args.command == "build":
        from .pipeline.build import BuildFailed, build_all

        try:
            build_all(dataset, args.out or root / "site", _options(args))
        except BuildFailed as error:
            print(f"build failed; site/ was left as it was:\n{error}", file=sys.stderr)
            return 1
        return 0
    if args.command == "publish":
        from .pipeline.publish import PublishFailed, publish

        try:
            publish(dataset, args.version, args.branch, _options(args))
        except PublishFailed as error:
            print(f"publish failed: {error}", file=sys.stderr)
            return 1
        print(f"published version {args.version} of every borough on branch {args.branch}")
        return 0
    from .pipeline.serve import preview_published, serve

    if args.command == "preview":
        return preview_published(root, args.branch, args.dev_addr)
    if args.borough not in {b.id for b in dataset.boroughs}:
        known = ", ".join(b.id for b in dataset.boroughs)
        print(
            f"no borough '{args.borough}' in data/boroughs.yaml (one of: {known})", file=sys.stderr
        )
        return 2
    return serve(dataset, args.borough, args.dev_addr)


def _build_options(command: argparse.ArgumentParser) -> None:
    from .builders import BUILDERS, DEFAULT

    command.add_argument(
        "--builder",
        choices=sorted(BUILDERS),
        default=DEFAULT,
        help=f"what turns the rendered pages into a site (default: {DEFAULT})",
    )
    command.add_argument("--no-pdfs", action="store_true", help="leave out the PDFs (quicker)")
    command.add_argument(
        "--jobs",
        type=int,
        default=None,
        help="boroughs built at once, each in its own process (default: cores)",
    )
    command.add_argument(
        "--no-reuse",
        action="store_true",
        help="build every borough, even those unchanged since the last build",
    )


def _options(args):
    from .pipeline.build import Options

    return Options(builder=args.builder, pdfs=not args.no_pdfs, jobs=args.jobs,
                   reuse=not getattr(args, "no_reuse", False))  # fmt: skip


def _check(root: Path, output_format: str, strict: bool = False):
    from .data.validate import check
    from .site import links

    dataset, problems = check(root)
    if not has_errors(problems):  # links may lead to generated pages: render valid data only
        problems = sort_problems([*problems, *links.check(dataset)])
    if strict:
        problems = as_errors(problems)
    for problem in problems:
        line = problem.format_github() if output_format == "github" else problem.format_plain()
        print(line, file=sys.stdout if output_format == "github" else sys.stderr)
    warnings = sum(p.level == "warning" for p in problems)
    if warnings:
        print(f"{warnings} warning(s); with --strict they are errors.", file=sys.stderr)
    if has_errors(problems):
        count = sum(p.level == "error" for p in problems)
        print(f"{count} error(s) in the data; nothing was built.", file=sys.stderr)
    return dataset, problems


def _review(root: Path, within: int | None) -> int:
    from .data.reviews import SOON_DAYS, report
    from .data.validate import check

    dataset, problems = check(root)
    errors = [p for p in problems if p.level == "error"]
    for problem in errors:
        print(problem.format_plain(), file=sys.stderr)
    if errors:
        print(f"{len(errors)} error(s) in the data; fix them first.", file=sys.stderr)
        return 1
    lines, summary = report(dataset, SOON_DAYS if within is None else within)
    print("\n".join(lines + [summary]))
    return 0


def _schema(out: Path) -> int:
    from .data.schema import write_schemas

    for path in write_schemas(out):
        print(f"wrote {path}")
    return 0


def _setup_logging() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(logging.Formatter("%(levelname)s %(message)s"))
    for name, level in (("handbook", logging.INFO), ("mkdocs", logging.WARNING)):
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.setLevel(level)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
