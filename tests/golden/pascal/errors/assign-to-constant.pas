program p(output);
const n = 10;
var i: integer;
begin
  n := 5;
  for i := 1 to n do i := i + 1
end.
