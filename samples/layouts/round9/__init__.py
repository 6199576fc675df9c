"""The ninth round of held-out layout families (docs/evaluation.md, "Layout families and the held-out
protocol"): made after round 8 was scored and retired into tuning, by someone who had not read the extractors or
schemas; not yet scored. One module per document type, each merged into its type's layout module (``FAMILIES``,
the variants, the drawers, and for some a wrapper of ``build`` or ``draw``) by a few registration lines at that
module's end."""

# Every round-9 family, in registration order.
FAMILY_NAMES = ("bc-trich-luc-a5-ngang", "mc-so-quyen-cuoi-trang", "de-trich-so-mot-dong", "ms-muc-dich-o-vuong",
                "ms-viet-tay-tren-cham", "card-cmnd-12-anh-chup", "br-ngay-dau-nhom-1990s",
                "br-cot-cha-me-gop-2020")
