program pascaltriangle(output);
const rows = 10;
type vec = array[0..rows] of integer;
var row: vec; i, j: integer;
  function perfect(n: integer): boolean;
  var d, s: integer;
  begin s := 0; for d := 1 to n div 2 do if n mod d = 0 then s := s + d; perfect := (s = n) and (n > 1) end;
  procedure sortdesc(var a: vec; n: integer);
  var i, j, t: integer;
    procedure swap(var x, y: integer); var t: integer; begin t := x; x := y; y := t end;
  begin
    for i := 0 to n - 1 do for j := i + 1 to n do if a[j] > a[i] then swap(a[i], a[j])
  end;
begin
  for i := 0 to rows do row[i] := 0;
  row[0] := 1;
  for i := 1 to rows do begin
    for j := i downto 1 do row[j] := row[j] + row[j - 1];
    for j := 0 to i do write(row[j]:5);
    writeln
  end;
  for i := 1 to 10000 do if perfect(i) then write(i:6);
  writeln;
  sortdesc(row, rows);
  for i := 0 to rows do write(row[i]:4);
  writeln
end.
