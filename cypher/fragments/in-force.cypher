// A dated fact `it` in force on $asOf, certainly when $certain (the default of every as-of argument),
// else possibly.
CASE WHEN $certain THEN {{in-force-certainly:it}} ELSE {{in-force-possibly:it}} END
