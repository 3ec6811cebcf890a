program hanoi(output);
var moves: integer;
procedure move(n: integer; src, dst, via: char);
begin
  if n > 0 then begin
    move(n - 1, src, via, dst);
    moves := moves + 1;
    if n = 3 then writeln('move disk ', n:1, ' from ', src, ' to ', dst);
    move(n - 1, via, dst, src)
  end
end;
begin
  moves := 0;
  move(5, 'A', 'C', 'B');
  writeln(moves)
end.
