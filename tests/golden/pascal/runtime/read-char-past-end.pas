program readchar(input, output);
var c: char; count: integer;
begin
  count := 0;
  while true do begin read(c); count := count + 1 end
end.
