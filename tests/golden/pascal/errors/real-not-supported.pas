program p(output);
var x: real;
    i: integer;
begin
  i := 7 / 2;
  i := 3.5
end.
