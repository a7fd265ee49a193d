"""Entry point for the frozen app: the same as the `kintsugi` console script."""

from kintsugi.cli import main

raise SystemExit(main())
