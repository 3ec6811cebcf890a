program divzero(output);
var x, y: integer;
function ratio(a, b: integer): integer;
begin
  ratio := a div b
end;
begin
  x := 10; y := 0;
  writeln(ratio(x, 2));
  writeln(ratio(x, y))
end.
