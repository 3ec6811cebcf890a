program matrix(output);
const n = 4;
type mat = array[1..n, 1..n] of integer;
var a, b, c: mat;
    i, j, k: integer;
begin
  for i := 1 to n do
    for j := 1 to n do begin
      a[i, j] := i + j;
      b[i][j] := i - j
    end;
  for i := 1 to n do
    for j := 1 to n do begin
      c[i, j] := 0;
      for k := 1 to n do c[i, j] := c[i, j] + a[i, k] * b[k, j]
    end;
  for i := 1 to n do begin
    for j := 1 to n do write(c[i, j]:6);
    writeln
  end
end.
