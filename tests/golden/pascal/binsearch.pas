program binsearch(output);
const n = 100;
var a: array[0..n] of integer; i: integer;
function find(x: integer): integer;
var lo, hi, mid: integer; found: boolean;
begin
  lo := 0; hi := n; found := false;
  while (lo <= hi) and not found do begin
    mid := (lo + hi) div 2;
    if a[mid] = x then found := true
    else if a[mid] < x then lo := mid + 1
    else hi := mid - 1
  end;
  if found then find := mid else find := -1
end;
begin
  for i := 0 to n do a[i] := i * 3;
  writeln(find(0), find(27), find(28), find(300), find(301))
end.
