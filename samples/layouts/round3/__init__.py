"""The third round of layout families (docs/evaluation.md, "Third round of held-out families"): made as held-out
families, scored once and retired into tuning on 3 December 2026. One module per document type, each merged into
its type's layout module (``FAMILIES``, ``FAMILY_VARIANTS``, the drawers) by a few registration lines at that
module's end."""

# Every round-3 family, in registration order.
FAMILY_NAMES = ("bc-2022-dien-tu", "mc-stacked-frames", "de-declarant-table", "ms-boxed-status",
                "card-cccd-2016-worn", "br-2020-spread")
