program overflow(output);
var calls: integer;
procedure forever(n: integer);
var pad: array[1..100] of integer;
begin
  calls := calls + 1;
  pad[1] := n;
  forever(n + 1)
end;
begin
  calls := 0;
  forever(1)
end.
