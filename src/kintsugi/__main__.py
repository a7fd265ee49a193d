from kintsugi.cli import main

raise SystemExit(main())
