program modzero(output);
var x, y: integer;
begin
  x := 10; y := 0;
  writeln(x mod y)
end.
