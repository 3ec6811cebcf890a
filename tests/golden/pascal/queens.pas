program queens(output);
const n = 8;
var col: array[1..n] of integer;
    solutions: integer;
function safe(row, c: integer): boolean;
var i: integer; ok: boolean;
begin
  ok := true;
  for i := 1 to row - 1 do
    if (col[i] = c) or (abs(col[i] - c) = row - i) then ok := false;
  safe := ok
end;
procedure place(row: integer);
var c, i: integer;
begin
  for c := 1 to n do
    if safe(row, c) then begin
      col[row] := c;
      if row = n then begin
        solutions := solutions + 1;
        if solutions <= 3 then begin
          for i := 1 to n do write(col[i]:2);
          writeln
        end
      end else place(row + 1)
    end
end;
begin
  solutions := 0;
  place(1);
  writeln('solutions: ', solutions:1)
end.
