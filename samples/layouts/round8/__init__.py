"""The eighth round of held-out layout families (docs/evaluation.md, "Layout families and the held-out
protocol"): made after round 7 was scored and retired into tuning, by someone who had not read the extractors or
schemas; scored once as held-out (3 December 2026, seed 9208), then retired into tuning when round 9 was made.
One module per document type, each merged into its type's layout module (``FAMILIES``, the variants,
the drawers, and for some a wrapper of ``build`` or ``draw``) by a few registration lines at that module's end."""

# Every round-8 family, in registration order.
FAMILY_NAMES = ("bc-trich-luc-qr-2023", "mc-nhan-giua-1998", "de-giay-bao-tu-mot-cau", "ms-dvc-danh-so",
                "ms-thoi-ky-cu-tru", "card-cccd-2016-photo-a4", "br-hai-dong-cha-me", "br-so-quyen-gks-2000s")
