"""``python -m ui [CATALOG]`` or ``python -m ui --catalog CATALOG``: the desktop app."""

import argparse
import sys

from ui.app import main

parser = argparse.ArgumentParser(prog="python -m ui", description="공공데이터 목록 관리 (데스크톱)")
parser.add_argument("catalog", nargs="?", help="카탈로그 파일")
parser.add_argument("--catalog", dest="catalog_option", help="카탈로그 파일")
args = parser.parse_args()
sys.exit(main(args.catalog_option or args.catalog))
