"""The fourth round of layout families (docs/evaluation.md, "Layout families and the held-out protocol"): made
after the third round was retired into tuning, by someone who had not read the extractors or schemas; scored once
as held-out (3 December 2026), then retired into tuning. One module per document type, each merged into its
type's layout module (``FAMILIES``, the variants, the drawers, and for some a wrapper of ``build`` or ``draw``) by
a few registration lines at that module's end."""

# Every round-4 family, in registration order.
FAMILY_NAMES = ("bc-dang-ky-lai", "mc-trich-luc", "de-dang-ky-lai", "ms-dai-su-quan", "card-cmnd-tt57",
                "card-vneid-print", "br-2006-groups", "br-1980s-portrait")
