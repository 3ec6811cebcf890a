program p(output);
var x: integer;
begin
  y := 1;
  x := z + 1;
  writeln(x)
end.
