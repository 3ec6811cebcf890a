program p(output);
var n: integer;
procedure two(a, b: integer); begin end;
procedure byref(var a: integer); begin end;
begin
  two(1);
  two(1, 2, 3);
  byref(5);
  two('x', 2)
end.
