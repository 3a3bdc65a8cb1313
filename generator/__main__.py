"""Command line of the template's tooling: `python -m generator --help`."""

import argparse
import subprocess
import sys
from pathlib import Path

from generator import EXAMPLES, ROOT, say
from generator.datasets import EXAMPLE_SOURCES, convert, convert_co2
from generator.demo import run_demo
from generator.render import example_answers, example_names, render


def main(argv=None):
    parser = argparse.ArgumentParser(prog="python -m generator")
    commands = parser.add_subparsers(dest="command", required=True)

    demo = commands.add_parser("demo", help="render an example and train it")
    demo.add_argument("name", choices=example_names())
    demo.add_argument("--dest", type=Path, help="default: build/<name>")
    demo.add_argument("--epochs", type=int, help="default: the example's answer")

    render_parser = commands.add_parser("render", help="render an example")
    render_parser.add_argument("name", choices=example_names())
    render_parser.add_argument("dest", type=Path)

    convert_parser = commands.add_parser(
        "convert-data", help="rebuild the examples' data files from shared/data"
    )
    convert_parser.add_argument("source", type=Path, help="the shared/data folder")
    commands.add_parser(
        "convert-co2",
        help="rebuild examples/co2_weekly's tables from statsmodels' CO2 series",
    )

    args = parser.parse_args(argv)
    try:
        if args.command == "demo":
            run_demo(args.name, args.dest or ROOT / "build" / args.name, args.epochs)
        elif args.command == "render":
            render(example_answers(args.name), args.dest)
            say(f"rendered examples/{args.name} into {args.dest}")
        elif args.command == "convert-co2":
            convert_co2(EXAMPLES / "co2_weekly")
        else:
            for name, (source, inputs, variable) in EXAMPLE_SOURCES.items():
                convert(args.source / source, EXAMPLES / name, inputs, variable)
    except (FileNotFoundError, FileExistsError) as error:
        sys.exit(f"error: {error}")
    except subprocess.CalledProcessError as error:
        sys.exit(f"error: training failed with exit code {error.returncode}")


if __name__ == "__main__":
    main()
