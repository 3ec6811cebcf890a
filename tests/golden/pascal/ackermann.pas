program ackermann(output);
var m, n: integer;
function ack(m, n: integer): integer;
begin
  if m = 0 then ack := n + 1
  else if n = 0 then ack := ack(m - 1, 1)
  else ack := ack(m - 1, ack(m, n - 1))
end;
begin
  for m := 0 to 2 do begin
    for n := 0 to 4 do write(ack(m, n):4);
    writeln
  end;
  writeln(ack(3, 3))
end.
