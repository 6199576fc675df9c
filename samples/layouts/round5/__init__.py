"""The fifth round of held-out layout families (docs/evaluation.md, "Layout families and the held-out
protocol"): made after the fourth round was scored, by someone who had not read the extractors or schemas;
scored once as held-out (3 December 2026), then retired into tuning when round 6 was made. One module per
document type, each merged into its type's layout module (``FAMILIES``, the variants, the drawers, and for some a
wrapper of ``build`` or ``draw``) by a few registration lines at that module's end."""

# Every round-5 family, in registration order.
FAMILY_NAMES = ("bc-1990s-numbered", "mc-nuoc-ngoai", "mc-ngang-2016", "de-dien-tu", "ms-tren-to-khai",
                "ms-luoi-2025", "card-ban-sao-chung-thuc", "br-danh-sach-in")
