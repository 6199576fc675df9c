"""The seventh round of held-out layout families (docs/evaluation.md, "Layout families and the held-out
protocol"): made after round 6 was scored and retired into tuning, by someone who had not read the extractors or
schemas; scored once as held-out (3 December 2026, seed 9207), then retired into tuning when round 8 was made.
One module per document type, each merged into its
type's layout module (``FAMILIES``, the variants, the drawers, and for some a wrapper of ``build`` or ``draw``)
by a few registration lines at that module's end."""

# Every round-7 family, in registration order.
FAMILY_NAMES = ("bc-ghi-chu-nuoc-ngoai", "bc-luoi-cha-me", "mc-bang-anh-chi-1980s", "de-qua-han-nhan-chung",
                "ms-qua-trinh-hon-nhan", "card-xac-nhan-so-cmnd", "br-hai-muc-1990s", "br-cot-ghi-chu")
