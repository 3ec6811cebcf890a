program reverse(input, output);
var line: array[1..80] of char; n, i: integer; c: char;
begin
  while not eof do begin
    n := 0;
    while not eoln do begin
      read(c); n := n + 1; line[n] := c
    end;
    readln;
    for i := n downto 1 do write(line[i]);
    writeln
  end
end.
