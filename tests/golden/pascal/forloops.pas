program forloops(input, output);
var i, j, n, s, c: integer; ch: char; b: boolean;
begin
  i := -1;
  for i := 1 to 5 do s := i;
  writeln('after 1 to 5: ', i:1);
  i := 42;
  for i := 5 to 1 do writeln('never');
  writeln('after 5 to 1: ', i:1);
  for i := 3 downto 3 do writeln('once ', i:1);
  n := 3; c := 0;
  for i := 1 to n do begin n := n + 10; c := c + 1 end;
  writeln('limit read once: ', c:1, ' ', n:1);
  for ch := 'x' to 'z' do for b := false to true do write(ch, ord(b):1, ' ');
  writeln;
  s := 0; c := 0;
  while not eof do begin read(j); s := s + j; c := c + 1 end;
  writeln('read ', c:1, ' numbers, sum ', s:1)
end.
