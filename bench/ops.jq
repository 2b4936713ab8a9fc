# The benchmark's ops in jq, for comparison: dot, add, mul, transpose on nested rows.
def dotp($b): [flatten, ($b | flatten)] | transpose | map(.[0] * .[1]) | add | [[.]];
def addm($b): [., $b] | transpose | map(transpose | map(.[0] + .[1]));
def mulm($b): . as $a | ($b | transpose) as $bt
  | [$a[] as $row | [$bt[] as $col | [$row, $col] | transpose | map(.[0] * .[1]) | add]];
def apply($o):
  if $o.code == "dot" then dotp($o.rhs)
  elif $o.code == "add" then addm($o.rhs)
  elif $o.code == "mul" then mulm($o.rhs)
  elif $o.code == "transpose" then transpose
  else error("unsupported op " + $o.code) end;
reduce .op[] as $o (.lhs; apply($o))
