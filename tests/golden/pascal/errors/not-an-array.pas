program p(output);
type r = record a: integer end;
var i: integer; v: r; a: array[1..3] of integer;
begin
  i[1] := 0;
  v.b := 1;
  a['x'] := 2;
  a := 5
end.
