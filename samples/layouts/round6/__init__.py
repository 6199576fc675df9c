"""The sixth round of held-out layout families (docs/evaluation.md, "Layout families and the held-out
protocol"): made after the fifth round was scored and retired into tuning, by someone who had not read the
extractors or schemas; scored once as held-out (3 December 2026, seed 9206), then retired into tuning when round 7
was made. One module per document type, each merged into its type's layout module (``FAMILIES``,
the variants, the drawers, and for some a wrapper of ``build`` or ``draw``) by a few registration lines at that
module's end."""

# Every round-6 family, in registration order.
FAMILY_NAMES = ("bc-dan-chu-cong-hoa", "bc-hai-cot-2025", "mc-van-xuoi-1990s", "de-cuong-1990s", "de-bang-stt-2025",
                "ms-cong-van", "card-cmnd-1990s", "br-sao-luc-1970s")
