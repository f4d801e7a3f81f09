from mijnservices.testing.conformance.runner import main

raise SystemExit(main())
