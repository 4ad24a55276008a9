from jiebei_tui.cli import main

raise SystemExit(main())
