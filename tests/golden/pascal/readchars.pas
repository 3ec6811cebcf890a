program readchars(input, output);
var c: char; letters, digits, others, lines: integer;
begin
  letters := 0; digits := 0; others := 0; lines := 0;
  while not eof do begin
    while not eoln do begin
      read(c);
      if ((c >= 'a') and (c <= 'z')) or ((c >= 'A') and (c <= 'Z')) then letters := letters + 1
      else if (c >= '0') and (c <= '9') then digits := digits + 1
      else others := others + 1
    end;
    readln;
    lines := lines + 1
  end;
  writeln('lines ', lines:1, ' letters ', letters:1, ' digits ', digits:1, ' others ', others:1)
end.
