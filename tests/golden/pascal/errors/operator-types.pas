program p(output);
var b: boolean; c: char; i: integer;
begin
  b := not 5;
  i := c * 2;
  b := b and 1;
  b := c < 3;
  i := -b
end.
