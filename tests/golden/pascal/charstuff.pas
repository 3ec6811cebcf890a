program charstuff(output);
var c: char; i: integer;
begin
  for i := 65 to 70 do write(chr(i));
  writeln;
  c := 'a';
  writeln(ord(c), ' ', succ(c), pred(c), ' ', ord(succ(c)));
  writeln(ord('0'), ord(' '), ord(true), ord(false));
  c := 'm';
  if (c >= 'a') and (c <= 'z') then writeln('lower ', chr(ord(c) - 32));
  writeln(succ(5), pred(5), succ(false));
  writeln('a' < 'b', 'b' < 'a', 'a' = 'a')
end.
