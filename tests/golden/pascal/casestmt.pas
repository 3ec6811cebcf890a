program casestmt(output);
var i: integer; c: char;
begin
  for i := 1 to 10 do
    case i of
      1: writeln('one');
      2, 3: writeln('two or three');
      4..6: writeln('four to six');
      7: begin write('seven'); writeln('!') end;
      8, 9, 10: writeln(i * 10)
    end;
  c := 'x';
  case c of
    'a'..'m': writeln('first half');
    'n'..'z': writeln('second half')
  end;
  case i > 5 of
    true: writeln('big');
    false: writeln('small')
  end
end.
