program p(output);
type color = (red, green);
var s: set of char;
begin
  goto 10;
  with s do
end.
