program wordfreq(input, output);
var counts: array['a'..'z'] of integer;
    c: char; words: integer; inword: boolean;
begin
  for c := 'a' to 'z' do counts[c] := 0;
  words := 0; inword := false;
  while not eof do begin
    if eoln then begin readln; inword := false end
    else begin
      read(c);
      if (c >= 'A') and (c <= 'Z') then c := chr(ord(c) + 32);
      if (c >= 'a') and (c <= 'z') then begin
        counts[c] := counts[c] + 1;
        if not inword then words := words + 1;
        inword := true
      end else inword := false
    end
  end;
  writeln('words: ', words:1);
  for c := 'a' to 'z' do if counts[c] > 2 then writeln(c, ': ', counts[c]:1)
end.
