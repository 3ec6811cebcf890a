program bubblesort(input, output);
const max = 50;
var a: array[1..max] of integer;
    n, i, j, t: integer;
begin
  n := 0;
  while not eof do begin
    n := n + 1;
    read(a[n]);
    readln
  end;
  for i := 1 to n - 1 do
    for j := 1 to n - i do
      if a[j] > a[j + 1] then begin t := a[j]; a[j] := a[j + 1]; a[j + 1] := t end;
  for i := 1 to n do write(a[i]:4);
  writeln
end.
